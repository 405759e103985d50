import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Names } from '../api/types.ts';
import { pickName } from '../lib/format.ts';

type Convert = (text: string) => string;

let simplify: Convert | null = null;
let loading: Promise<Convert> | null = null;

/**
 * The Traditional→Simplified converter, loaded on first use: only Simplified readers pay for its
 * dictionary (about 100 KB), and only once per visit.
 */
function loadSimplifier(): Promise<Convert> {
  loading ??= import('opencc-js/t2cn').then((opencc) => {
    simplify = opencc.Converter({ from: 'tw', to: 'cn' });
    return simplify;
  });
  return loading;
}

/**
 * Text the Rewards API writes in Traditional Chinese or English (plan and channel names, point
 * explanations), in the reader's language: Simplified readers get it converted on screen.
 * Until the converter has loaded they see the Traditional text, never nothing.
 */
export function useLocalText(): { name: (names: Names | null | undefined) => string; text: Convert } {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const wantsSimplified = language === 'zh-CN';
  const [, setReady] = useState(simplify !== null);
  useEffect(() => {
    if (!wantsSimplified || simplify) return;
    let live = true;
    void loadSimplifier().then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [wantsSimplified]);
  const text: Convert = (value) => (wantsSimplified && simplify ? simplify(value) : value);
  return { name: (names) => text(pickName(names, language)), text };
}
