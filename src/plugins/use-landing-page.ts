/**
 * `GET /`: a small page for whoever opens host:port in a browser, pointing to what is served here.
 * Yoga's own landing page (`landingPage`) answers every unmatched path and is off; this one answers
 * only `/`, everything else stays a plain 404.
 */
import type { Plugin } from 'graphql-yoga';

export interface LandingPageOptions {
  /** The GraphQL endpoint (GraphiQL in a browser). @default '/graphql' */
  graphqlEndpoint?: string;
  /** The liveness route. @default '/health' */
  healthEndpoint?: string;
}

export const DEFAULT_LANDING_PAGE: Required<LandingPageOptions> = {
  graphqlEndpoint: '/graphql',
  healthEndpoint: '/health',
};

export function landingPageHtml(options: LandingPageOptions = {}): string {
  const { graphqlEndpoint, healthEndpoint } = { ...DEFAULT_LANDING_PAGE, ...options };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>hms-graph</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}code{background:#f3f3f3;padding:0 .25rem}</style>
</head>
<body>
<h1>hms-graph</h1>
<p>A GraphQL gateway over the 100ms server-side REST API.</p>
<ul>
<li><a href="${graphqlEndpoint}">GraphiQL</a>: explore the schema and run queries (<code>POST ${graphqlEndpoint}</code> for clients)</li>
<li><a href="${healthEndpoint}">${healthEndpoint}</a>: liveness</li>
<li>Setup, configuration and the schema: <code>README.md</code> at the root of the hms-graph repository</li>
</ul>
</body>
</html>
`;
}

export function useLandingPage(options: LandingPageOptions = {}): Plugin {
  const html = landingPageHtml(options);
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== '/' || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : html, {
          headers: { 'content-type': 'text/html; charset=utf-8' },
        }),
      );
    },
  };
}
