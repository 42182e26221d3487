/**
 * Who may read an individual record about a person (a rating, a STARR interview, a learning
 * question), on top of the role permissions (docs/architecture.md, "Access control").
 *
 * The levels are cumulative:
 * - `private`: the person themself and the record's author;
 * - `supervisor`: also the person's supervisor (for a record about a team without a person: the
 *   managers who supervise people of that team);
 * - `hr`: also HR (roles hr and org_admin) and platform administrators.
 */

export const visibilities = ['private', 'supervisor', 'hr'] as const;
export type Visibility = (typeof visibilities)[number];

export interface Viewer {
  /** The record is about the viewer (people.user_id of the person is the viewer). */
  isSubject: boolean;
  /** The viewer wrote the record. */
  isAuthor: boolean;
  /** The viewer supervises the person (or, for a team record, people of the team). */
  isSupervisor: boolean;
  /** The viewer holds an HR role (hr, org_admin) in the organisation, or is a platform admin. */
  isHr: boolean;
}

export function canSeeRecord(visibility: Visibility, viewer: Viewer): boolean {
  if (viewer.isSubject || viewer.isAuthor) return true;
  if (visibility === 'private') return false;
  if (viewer.isSupervisor) return true;
  return visibility === 'hr' && viewer.isHr;
}

/** The visibilities a viewer with these relations can see, for filtering in SQL. */
export function visibleLevels(viewer: Pick<Viewer, 'isSupervisor' | 'isHr'>): Visibility[] {
  return visibilities.filter((v) => canSeeRecord(v, { isSubject: false, isAuthor: false, ...viewer }));
}
