import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';

/** The agent file as written, for the copy and download buttons and the install command. */
export const getStaticPaths: GetStaticPaths = async () =>
  (await getCollection('agents')).map((e) => ({ params: { slug: e.data.slug }, props: { raw: e.data.raw } }));

export const GET: APIRoute = ({ props }) =>
  new Response(props.raw as string, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
