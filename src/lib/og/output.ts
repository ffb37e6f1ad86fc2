import { rm, stat } from 'node:fs/promises';
import { type FolderStats, linkOrCopy, placeFiles } from '../output/exact-folder.ts';

/**
 * The images' folder of the output (`<outDir>/og/`), which the build keeps between runs: it is
 * brought to exactly the current images. An image already there is left alone, since its name is
 * the hash of its card; a missing one is linked to (or copied from) its file in the cache;
 * anything else in the folder (the card of a removed or edited agent, an older layout's folders)
 * is removed.
 */

/**
 * Makes `folder` hold exactly the images of `targets` (absolute target path → absolute cached
 * file; every target inside `folder`): removes the other files, then links (or copies) each
 * image whose target is missing or of another size than its cached file.
 * @example await placeImages(new Map([['/site/dist/og/3f9a.png', '/cache/og/3f9a.png']]), '/site/dist/og')
 */
export async function placeImages(targets: ReadonlyMap<string, string>, folder: string): Promise<FolderStats> {
  return placeFiles(targets, folder, {
    current: async (target, source) => {
      const [from, to] = await Promise.all([stat(source), stat(target).catch(() => undefined)]);
      // Same name, same content: the name is the hash of the card. The size still catches a copy
      // that an interrupted build left short.
      return to?.isFile() === true && to.size === from.size;
    },
    place: async (target, source) => {
      // A short file an interrupted copy left is replaced (a link needs the name free).
      await rm(target, { force: true });
      await linkOrCopy(source, target);
    },
  });
}
