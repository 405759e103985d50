import OpenCC from 'opencc-js';

/**
 * Traditional ↔ Simplified conversion, built once per process (each converter loads its
 * dictionaries when made). Taiwan's variants are the Traditional side Plaza's users write.
 */
export const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
export const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
// Hong Kong's table keeps characters such as 台 that both scripts use; requiring both tables
// to change a character avoids counting those shared characters as Simplified.
export const toTraditionalHk = OpenCC.Converter({ from: 'cn', to: 'hk' });
