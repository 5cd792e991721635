export { fakeApi, type Answer, type SentRequest } from './fakeApi';
