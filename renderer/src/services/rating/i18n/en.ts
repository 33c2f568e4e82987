/** English of the rating panel; typed `RatingCatalog`, so it has exactly the ids of zh-CN.ts. */
import type { RatingCatalog } from './zh-CN';

export const ratingEn: RatingCatalog = {
  title: 'Rate this service',
  question: 'How satisfied are you with "{service}"?',

  'level.verySatisfied': 'Very satisfied',
  'level.satisfied': 'Satisfied',
  'level.basicallySatisfied': 'Fairly satisfied',
  'level.dissatisfied': 'Dissatisfied',
  'level.veryDissatisfied': 'Very dissatisfied',

  'reasons.legend': 'What went wrong? (choose one or more)',
  'reason.slow': 'It took too long',
  'reason.tooManyMaterials': 'Too many papers were asked for',
  'reason.unclearGuidance': 'The guidance was hard to follow',
  'reason.deviceProblem': 'The machine failed or was hard to use',
  'reason.notResolved': 'It was not resolved',
  'reason.other': 'Something else',

  'comment.add': 'Add a comment (optional)',
  'comment.change': 'Change the comment',
  'comment.shown': 'Your comment: {comment}',
  'comment.keyboardLabel': 'Type your comment, up to {max} characters',
  'comment.done': 'Done',

  submit: 'Submit rating',
  skip: 'Skip',
  submitting: 'Submitting your rating, please wait',
  'need.level': 'Please choose one of the ratings first',
  'need.reason': 'Please choose at least one thing that went wrong',
  failed: 'Your rating was not submitted. Tap "Submit rating" again, or tap "Skip".',

  thanks: 'Thank you for your rating',
  'thanks.forwarded': 'Your rating has been submitted.',
  'thanks.queued': 'The network is down for now: your rating is saved on this machine and will be sent when the network is back.',
  already: 'You have already rated this service. Thank you.',
  done: 'Done',
};
