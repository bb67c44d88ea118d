import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CONTROL_PLANE_SCHEMA } from './control-plane.schema';

/** A platform-wide CEL expression deciding policy constraints whose leftOperand matches. */
@Entity({ schema: CONTROL_PLANE_SCHEMA, name: 'cel_expression' })
export class CelExpressionEntity {
  @PrimaryColumn({ name: 'id', type: 'varchar', length: 256, primaryKeyConstraintName: 'PK_control_plane_cel_expression' })
  id: string;

  @Index('IDX_control_plane_cel_expression_left_operand')
  @Column({ name: 'left_operand', type: 'varchar', length: 512 })
  leftOperand: string;

  @Column({ name: 'expression', type: 'text' })
  expression: string;

  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;

  /** Policy scopes it applies in: `catalog`, `contract.negotiation`, `transfer.process`. */
  @Column({ name: 'scopes', type: 'jsonb' })
  scopes: string[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
