import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../platform/http/schemas.js';
import type { AthleteSearch } from './athlete-search.js';
import {
  decodeSearchCursor,
  encodeSearchCursor,
  presentPerson,
  presentSuggestion,
  SearchPage,
  SearchQuery,
  SuggestionList,
  SuggestionsQuery,
} from './athlete-search.schemas.js';

/**
 * Finding people: search by handle or name, and who to follow. Signed-in athletes only; nobody
 * who blocks the viewer, or whom the viewer blocks, is ever in an answer.
 */
export const athleteSearchRoutes: FastifyPluginAsyncTypebox<{ search: AthleteSearch }> = async (
  app,
  { search },
) => {
  const security = [{ bearerAuth: [] }];
  app.addHook('preHandler', app.authenticate);

  app.get(
    '/search',
    {
      schema: {
        tags: ['athletes'],
        summary: 'Search athletes by handle or name',
        description:
          'Best first: the athlete whose handle this is, then athletes whose handle or a word ' +
          'of whose name starts with it (in handle order), then names alike, most alike first ' +
          '(trigram similarity, so a typo still finds them; only when `q` is nobody’s handle). ' +
          'Case and accents never matter. Never yourself, nor anyone you block or who blocks ' +
          'you. Each with `follow_state` and `follows_you`. 400 when `q` is empty or longer ' +
          'than 64 characters once trimmed.',
        security,
        querystring: SearchQuery,
        response: { 200: SearchPage, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 20;
      const after = decodeSearchCursor(request.query.cursor);
      const page = await search.search(request.athleteId, request.query.q, limit, after);
      return {
        items: page.items.map(presentPerson),
        next_cursor: page.next ? encodeSearchCursor(page.next) : null,
      };
    },
  );

  app.get(
    '/suggestions',
    {
      schema: {
        tags: ['athletes'],
        summary: 'Who to follow',
        description:
          'Athletes followed by those you follow (most of them first), then athletes with ' +
          'public efforts on the segments you ride or run (most segments in common first), ' +
          'then athletes of your city — each with the reason, in words and as data. Never ' +
          'yourself, anyone you follow or asked to follow, nor a block either way.',
        security,
        querystring: SuggestionsQuery,
        response: { 200: SuggestionList, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const items = await search.suggestions(request.athleteId, request.query.limit ?? 10);
      return { items: items.map(presentSuggestion) };
    },
  );
};
