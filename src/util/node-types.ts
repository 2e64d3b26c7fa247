import { AST_NODE_TYPES as NODE_TYPES } from '@typescript-eslint/utils';

/**
 * `AST_NODE_TYPES`, read once. In CommonJS output every `AST_NODE_TYPES.X` taken straight from
 * '@typescript-eslint/utils' goes through two re-export getters; the shared analysis reads a node
 * type for every node it visits, and those getters were a third of its time. This binding is a
 * plain property of this module, so reading through it costs a normal property load.
 */
export const AST_NODE_TYPES = NODE_TYPES;
