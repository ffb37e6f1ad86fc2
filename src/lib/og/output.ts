import { copyFile, stat } from 'node:fs/promises';
import { placeFiles } from '../output/exact-folder.ts';

/**
 * The images' folder of the output (`<outDir>/og/`), which the build keeps between runs: it is
 * brought to exactly the current images. An image already there is left alone, since its name is
 * the hash of its card; a missing one is copied from the cache; anything else in the folder (the
 * card of a removed or edited agent, an older layout's folders) is removed.
 */

/** What {@link placeImages} did. */
export interface PlaceStats {
  /** Images copied from the cache: missing from the folder, or of another size than the cached file. */
  copied: number;
  /** Images already in the folder, with the cached file's size. */
  kept: number;
  /** Files of the folder that are no current image, removed. */
  removed: number;
}

/**
 * Makes `folder` hold exactly the images of `targets` (absolute target path → absolute cached
 * file; every target inside `folder`): removes the other files, then copies each image whose
 * target is missing or of another size than its cached file.
 * @example await placeImages(new Map([['/site/dist/og/3f9a.png', '/cache/og/3f9a.png']]), '/site/dist/og')
 */
export async function placeImages(targets: ReadonlyMap<string, string>, folder: string): Promise<PlaceStats> {
  const { placed, ...rest } = await placeFiles(targets, folder, {
    current: async (target, source) => {
      const [from, to] = await Promise.all([stat(source), stat(target).catch(() => undefined)]);
      // Same name, same content: the name is the hash of the card. The size still catches a copy
      // that an interrupted build left short.
      return to?.isFile() === true && to.size === from.size;
    },
    place: (target, source) => copyFile(source, target),
  });
  return { copied: placed, ...rest };
}
