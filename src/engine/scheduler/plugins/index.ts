/**
 * The default profile's plugins that are implemented, in upstream MultiPoint order
 * (apis/config/v1/default_plugins.go). Add new ones here in that order.
 */
import type { FilterPlugin, ScorePlugin } from '../framework.ts';
import { NodeResourcesFitFilter, NodeResourcesFitScore } from './nodeResourcesFit.ts';
import { NodeUnschedulable } from './nodeUnschedulable.ts';
import { TaintTolerationFilter, TaintTolerationScore } from './taintToleration.ts';

export const DEFAULT_FILTER_PLUGINS: readonly FilterPlugin[] = [NodeUnschedulable, TaintTolerationFilter, NodeResourcesFitFilter];
export const DEFAULT_SCORE_PLUGINS: readonly ScorePlugin[] = [TaintTolerationScore, NodeResourcesFitScore];
