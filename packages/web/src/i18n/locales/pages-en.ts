/**
 * English strings of the note, feed, profile, notification and composer pages added for issue
 * 11; kept in a file of their own so the main catalog's other edits never collide with them.
 */
export const pagesEn = {
  upload: {
    tooLarge: 'This photo is too large to upload. Choose a smaller one.',
    unsupported: 'This file is not a photo Plaza can read (use JPEG, PNG, WebP or GIF).',
    tooManyPixels: 'This photo has too many pixels. Choose a smaller one.',
    busy: 'Plaza is busy processing photos. Try this one again in a moment.',
    rateLimited: 'You have uploaded many photos in a short time. Wait a while, then try again.',
    network: 'The photo could not be sent. Check your connection and try again.',
    failed: 'This photo could not be uploaded. Try again.',
    retry: 'Try again',
    remove: 'Remove',
    failedPhoto: 'Photo {{n}}: {{reason}}',
    fixFailed: 'Some photos could not be uploaded: try them again or remove them.',
  },
  switch: {
    nextChange: 'Your next plan change is possible from {{when}}.',
  },
  note: {
    logInToComment: 'Log in to comment',
  },
  comments: {
    order: 'Order of comments',
    newest: 'Newest',
    mostLiked: 'Most liked',
    like: 'Like comment',
    unlike: 'Unlike comment',
  },
  notifications: {
    groups: 'Kinds of messages',
    all: 'All',
    likes: 'Likes and collects',
    follows: 'New followers',
    comments: 'Comments and @',
  },
  profile: {
    likesAndCollects: 'Likes & collects',
  },
} as const;
