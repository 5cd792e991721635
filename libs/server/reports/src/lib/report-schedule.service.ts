import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { SERVER_CONFIG, type ServerConfig } from '@gugus/server-config';
import { REPORT_SCHEDULE_ID, reportCycle } from '@gugus/workflows';

/**
 * The Temporal Schedule that opens a report cycle as each quarter ends: 00:05 WIB on 1 January, April,
 * July and October, reporting on the quarter just ended (the workflow derives it from its start time). A
 * cycle already opened for that period (by hand, or by a second firing) is left alone by the workflow.
 * Created once; an existing schedule is kept as it is (an operator may have paused or changed it in the
 * Temporal UI). Returns whether this call created it.
 */
export async function ensureReportSchedule(client: Client, taskQueue: string): Promise<boolean> {
  try {
    await client.schedule.create({
      scheduleId: REPORT_SCHEDULE_ID,
      spec: { calendars: [{ month: ['JANUARY', 'APRIL', 'JULY', 'OCTOBER'], dayOfMonth: 1, hour: 0, minute: 5, comment: 'Siklus laporan triwulanan / quarterly report cycle' }], timezone: 'Asia/Jakarta' },
      action: { type: 'startWorkflow', workflowType: reportCycle, taskQueue, args: [{}] },
      policies: { overlap: ScheduleOverlapPolicy.ALLOW_ALL, catchupWindow: '30 days' },
      memo: { purpose: 'Laporan berkala triwulanan (isu 12) / quarterly periodic reports (issue 12)' },
    });
    return true;
  } catch (err) {
    if (err instanceof ScheduleAlreadyRunning) return false;
    throw err;
  }
}

/** Makes sure the quarterly schedule exists when the API starts; a process engine that is down (or cannot schedule) is reported, not fatal. */
@Injectable()
export class ReportScheduleService implements OnApplicationBootstrap {
  private readonly logger = new Logger('ReportSchedule');

  constructor(
    private readonly temporal: Client,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
  ) {}

  onApplicationBootstrap(): void {
    void ensureReportSchedule(this.temporal, this.config.TEMPORAL_TASK_QUEUE).then(
      (created) =>
        this.logger.log(
          created
            ? `Jadwal laporan triwulanan dibuat / quarterly report schedule created (${REPORT_SCHEDULE_ID})`
            : `Jadwal laporan triwulanan sudah ada dan dibiarkan / quarterly report schedule already there, kept as it is (${REPORT_SCHEDULE_ID})`,
        ),
      (err: Error) => this.logger.warn(`Jadwal laporan triwulanan belum dapat dibuat; dicoba lagi saat API dimulai ulang / The quarterly report schedule could not be created yet; it is tried again at the next start (${err.name})`),
    );
  }
}
