export * from './conference';
export { draftConference, resolveConference, toInput } from './draft';
export { reviseConference, type Revision } from './revise';
export { publishConference } from './publish';
export { cancelConference } from './cancel';
export { conferenceView, conferenceSnapshot, isFinished, type SeatCounts, type ConferenceView } from './view';
export { noticeOf, type EventChange } from './notice';
export { withSessionsMoved } from './shift';
