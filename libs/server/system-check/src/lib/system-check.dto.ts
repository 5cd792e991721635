import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { SYSTEM_CHECK_MAX_HOLD_MS, type SystemCheckStage, type SystemCheckStatus, type SystemCheckView } from '@gugus/contracts';

export class StartSystemCheckDto {
  @ApiPropertyOptional({ description: 'Tahan probe basis data selama ini (ms) / Keep the database probe busy this long (ms)', minimum: 0, maximum: SYSTEM_CHECK_MAX_HOLD_MS, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(SYSTEM_CHECK_MAX_HOLD_MS)
  holdMs?: number;
}

export class SystemCheckViewDto implements SystemCheckView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() workflowId: string;
  @ApiProperty({ enum: ['requested', 'running', 'completed', 'failed'] }) status: SystemCheckStatus;
  @ApiProperty({ enum: ['started', 'probing', 'recording', 'done'], nullable: true }) stage: SystemCheckStage | null;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true }) databaseVersion: string | null;
  @ApiProperty({ nullable: true, format: 'date-time' }) requestedAt: string | null;
  @ApiProperty({ nullable: true, format: 'date-time' }) completedAt: string | null;
}
