/** English strings of the console's own frame and its card search (`/rewards/admin`). */
export const adminConsoleEn = {
  bank: 'Plaza Bank',
  product: 'Card rewards console',
  menu: 'Menu',
  closeMenu: 'Close menu',
  leave: 'Back to Plaza',
};

export const adminCardSearchEn = {
  title: 'Find cards',
  q: 'Holder, last four digits or card id',
  qHint:
    'A handle (@ optional) or the start of a name, 4 digits, a card id or a network token; empty lists every card',
  plan: 'Plan today',
  level: 'Level today',
  status: 'Status',
  any: 'All',
  noPlan: 'No plan',
  levelN: 'Level {{level}}',
  statuses: { active: 'Plan chosen', no_plan: 'No plan chosen' },
  search: 'Search',
  results: 'Cards found',
  none: 'No card matches.',
  more: 'Show more',
  truncated: 'Many holders have names starting like this: only some are searched. Type more of the name.',
  endingIn: '•••• {{last4}}',
  backToList: 'All cards',
};
