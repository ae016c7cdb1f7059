export * from './registration';
export { sessionChoiceProblems, registrationOpen, cappedSessions } from './choice';
