import { Type } from '@sinclair/typebox';

/** An image as shown in API responses (`ImageView` in contracts.ts). */
export const ImageViewSchema = Type.Object({
  id: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  urls: Type.Record(Type.String(), Type.String()),
});
