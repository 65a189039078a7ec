/*
 * The leaks dashboard, an ES module loaded without a build step. Everything it shows is read
 * from the leaks actuator endpoint and every action is a request to it (lib/page.js).
 *
 * Each part of the page is a panel module under panels/ with a <section> in
 * templates/leaks/dashboard.html. To add one: write panels/<name>.js (a default export with
 * render(page) and, if it has controls, init(page)), add its section to the template, list
 * it below, and, if it reads a sub-resource the page does not read yet, add that to
 * lib/resources.js.
 */
import { createPage } from './lib/page.js';
import actions from './panels/actions.js';
import frame from './panels/frame.js';
import heapDumps from './panels/heap-dumps.js';
import holders from './panels/holders.js';
import heap from './panels/heap.js';
import outsideHeap from './panels/outside-heap.js';
import snapshots from './panels/snapshots.js';
import tuning from './panels/tuning.js';
import verdict from './panels/verdict.js';

// In the order they render.
const PANELS = [frame, verdict, heap, outsideHeap, actions, snapshots, holders, heapDumps, tuning];

createPage(PANELS).start();
