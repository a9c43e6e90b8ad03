/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The gateway's GraphQL endpoint. @default '/graphql' (proxied by the dev server) */
  readonly VITE_GRAPHQL_URL?: string;
}
