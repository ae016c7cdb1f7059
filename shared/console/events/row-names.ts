/**
 * What a form with repeated rows calls its nth row ("Session 2"): the legend of the row's fieldset, and the
 * name each of its errors gives it, so two rows with the same problem read as two lines of the summary.
 */
export const rowName = (noun: 'Session' | 'Reminder' | 'Question', index: number) => ({
  /** At the start of a sentence, and as the legend: "Session 2". */
  heading: `${noun} ${index + 1}`,
  /** Within a sentence: "session 2". */
  mention: `${noun.toLowerCase()} ${index + 1}`,
});
