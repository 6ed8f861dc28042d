export const AUDIT_SQL = {
  /** Multi-row insert: `values` are the rows' placeholder tuples (authority, actor, action, entity type, entity id, changes). */
  insert: (values: string[]) => `INSERT INTO audit_log (authority_id, actor_id, action, entity_type, entity_id, changes) VALUES ${values.join(', ')}`,
  /** The filters' parameters, the limit last; newest first. */
  list: (where: string, limitParam: number) => `SELECT a.id, a.action, a.entity_type, a.entity_id, a.changes, a.created_at, a.actor_id, u.email AS actor_email
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
        WHERE ${where}
        ORDER BY a.id DESC
        LIMIT $${limitParam}`,
} as const;
