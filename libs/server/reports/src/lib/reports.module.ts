import { Module } from '@nestjs/common';
import { AuditModule } from '@gugus/server-audit';
import { CaseFiguresController } from './case-figures.controller';
import { CaseFiguresService } from './case-figures.service';

/** Reports (issue 12): so far the case figures of a quarter, computed from the cases' statistical facts. */
@Module({
  imports: [AuditModule],
  controllers: [CaseFiguresController],
  providers: [CaseFiguresService],
})
export class ReportsModule {}
