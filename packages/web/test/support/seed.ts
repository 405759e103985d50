import { gradientPng } from './png.ts';

/** Talks to a running Plaza over HTTP as an API client would, to give pages something to show. */
export class SeedClient {
  constructor(
    private readonly baseUrl: string,
    private token = '',
  ) {}

  private async call<T>(method: string, url: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(this.baseUrl + url, { method, headers, body: payload ?? null });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${url} → ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async signUp(handle: string, language: string, displayName: string): Promise<void> {
    const account = await this.call<{ token: string }>('POST', '/api/v1/accounts', {
      handle,
      email: `${handle}@example.test`,
      password: 'correct horse battery',
      language,
    });
    this.token = account.token;
    await this.call('PATCH', '/api/v1/me', { displayName });
  }

  async upload(width: number, height: number, from: RGB, to: RGB): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([gradientPng(width, height, from, to)], { type: 'image/png' }), 'photo.png');
    return (await this.call<{ id: string }>('POST', '/api/v1/media', form)).id;
  }

  async note(title: string, body: string, topics: string[], mediaIds: string[]): Promise<{ id: string }> {
    return this.call('POST', '/api/v1/notes', { title, body, topics, mediaIds });
  }

  async like(noteId: string): Promise<void> {
    await this.call('POST', `/api/v1/notes/${noteId}/like`);
  }

  async comment(noteId: string, body: string): Promise<{ id: string }> {
    return this.call('POST', `/api/v1/notes/${noteId}/comments`, { body });
  }

  async likeComment(commentId: string): Promise<void> {
    await this.call('POST', `/api/v1/comments/${commentId}/like`);
  }

  async follow(handle: string): Promise<void> {
    await this.call('POST', `/api/v1/accounts/${handle}/follow`);
  }
}

export type RGB = [number, number, number];

const PALETTE: [RGB, RGB][] = [
  [
    [255, 183, 178],
    [255, 95, 109],
  ],
  [
    [255, 236, 179],
    [255, 171, 64],
  ],
  [
    [178, 235, 242],
    [38, 166, 154],
  ],
  [
    [209, 196, 233],
    [126, 87, 194],
  ],
  [
    [200, 230, 201],
    [67, 160, 71],
  ],
  [
    [187, 222, 251],
    [30, 136, 229],
  ],
];

const SHAPES: [number, number][] = [
  [300, 400],
  [400, 300],
  [360, 360],
  [300, 420],
];

export const NOTES: [string, string, string[]][] = [
  ['台北永康街小籠包', '皮薄餡多，排隊半小時也值得 #台北美食', ['台北美食']],
  ['上海周末咖啡馆地图', '五家安静的小店，适合发呆一下午 #咖啡', ['咖啡']],
  [
    'Hiking Elephant Mountain at dusk',
    'The view of Taipei 101 is unreal. Go 30 min before sunset! #travel',
    ['travel'],
  ],
  ['三天兩夜花蓮行程', '太魯閣、七星潭、東大門夜市，一次收藏 #旅行', ['旅行']],
  [
    'My first week on RedNote',
    'Hi from Ohio! Learning Chinese one meme at a time #TikTokRefugee',
    ['TikTokRefugee'],
  ],
  ['成都火锅避雷指南', '本地人推荐的三家老店，辣度可选 #美食', ['美食']],
  ['極簡衣櫥 30 件搭配', '春夏秋冬都夠穿的膠囊衣櫥 #穿搭', ['穿搭']],
  ['Easy dumplings at home', 'Folding 101 with my grandma’s recipe #cooking', ['cooking']],
];

/** A few authors writing in Traditional, Simplified and English, with photos of varied shapes. */
export async function seedDemoNotes(baseUrl: string): Promise<void> {
  const authors = [
    ['mei_tw', 'zh-TW', '小梅在台北'],
    ['lin_sh', 'zh-CN', '林林的日常'],
    ['sam_oh', 'en', 'Sam from Ohio'],
  ] as const;
  const clients: SeedClient[] = [];
  for (const [handle, language, name] of authors) {
    const client = new SeedClient(baseUrl);
    await client.signUp(handle, language, name);
    clients.push(client);
  }
  for (const [i, [title, body, topics]] of NOTES.entries()) {
    const client = clients[i % clients.length]!;
    const [w, h] = SHAPES[i % SHAPES.length]!;
    const [from, to] = PALETTE[i % PALETTE.length]!;
    const media = [await client.upload(w, h, from, to), await client.upload(h, w, to, from)];
    const note = await client.note(title, body, topics, media);
    for (const liker of clients.slice(0, (i % 3) + 1)) await liker.like(note.id);
  }
}

/** A signed-up API client, for tests that need an account without going through the UI. */
export async function seedAccount(baseUrl: string, handle: string, language: string, displayName: string) {
  const client = new SeedClient(baseUrl);
  await client.signUp(handle, language, displayName);
  return client;
}
