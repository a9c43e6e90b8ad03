/** GATEWAY_INTROSPECTION: schema introspection refused at validation when off. */
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface IntrospectionSwitchOptions {
  /** @default DEFAULT_INTROSPECTION */
  enabled?: boolean;
}

export const DEFAULT_INTROSPECTION = true;

export function useIntrospectionSwitch(options: IntrospectionSwitchOptions = {}): Plugin {
  const enabled = options.enabled ?? DEFAULT_INTROSPECTION;
  return {
    onValidate({ addValidationRule }) {
      if (!enabled) addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}
