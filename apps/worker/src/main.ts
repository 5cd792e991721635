import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { Logger, PinoLogger } from 'nestjs-pino';
import { loadConfig, serverConfigSchema } from '@gugus/server-config';
import { AuditService } from '@gugus/server-audit';
import { WorkingCalendarService } from '@gugus/server-calendar';
import { encryptedDataConverter } from '@gugus/server-crypto';
import { CASE_SETTINGS, CasesRepository, createCaseActivities } from '@gugus/server-cases';
import { FormsService } from '@gugus/server-forms';
import { createMeetingActivities, MEETING_SETTINGS, MeetingsRepository } from '@gugus/server-meetings';
import { createPlanActivities, PlansRepository } from '@gugus/server-plans';
import { MailOutboxDispatcher, NotificationsService } from '@gugus/server-notifications';
import { createReportActivities, PeriodicReportsRepository, REPORT_SETTINGS } from '@gugus/server-reports';
import { createSystemCheckActivities, SystemCheckRepository } from '@gugus/server-system-check';
import { createTaskActivities, TasksRepository } from '@gugus/server-tasks';
import { activityFailureInterceptor, workerRuntimeOptions, workflowSource } from '@gugus/server-temporal';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig(serverConfigSchema);
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  // Before the first connection: the SDK's own lines (e.g. "Activity failed") go through our serializers.
  Runtime.install(workerRuntimeOptions((await app.resolve(PinoLogger)).logger));

  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  // Notification e-mail leaves from the worker: a small loop over the outbox, stopped with the worker.
  const mailOutbox = app.get(MailOutboxDispatcher);
  try {
    mailOutbox.start();
    const worker = await Worker.create({
      connection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      // Payloads leave the worker encrypted (the API's client uses the same keys).
      dataConverter: encryptedDataConverter(config.TEMPORAL_PAYLOAD_KEYS),
      ...workflowSource(config.WORKFLOW_BUNDLE_PATH),
      // Domain errors fail an activity once (non-retryable, with their code); no failure carries values.
      interceptors: { activity: [activityFailureInterceptor] },
      activities: {
        ...createSystemCheckActivities(app.get(SystemCheckRepository)),
        ...createTaskActivities({ repo: app.get(TasksRepository), forms: app.get(FormsService), audit: app.get(AuditService), calendar: app.get(WorkingCalendarService), notifier: app.get(NotificationsService) }),
        ...createMeetingActivities({
          meetings: app.get(MeetingsRepository),
          tasks: app.get(TasksRepository),
          forms: app.get(FormsService),
          audit: app.get(AuditService),
          settings: app.get(MEETING_SETTINGS),
          notifier: app.get(NotificationsService),
        }),
        ...createPlanActivities({ plans: app.get(PlansRepository), tasks: app.get(TasksRepository), forms: app.get(FormsService), audit: app.get(AuditService) }),
        ...createCaseActivities({ cases: app.get(CasesRepository), tasks: app.get(TasksRepository), forms: app.get(FormsService), audit: app.get(AuditService), settings: app.get(CASE_SETTINGS) }),
        ...createReportActivities({ reports: app.get(PeriodicReportsRepository), tasks: app.get(TasksRepository), forms: app.get(FormsService), audit: app.get(AuditService), calendar: app.get(WorkingCalendarService), settings: app.get(REPORT_SETTINGS) }),
      },
    });
    logger.log(`Worker polling task queue "${config.TEMPORAL_TASK_QUEUE}" on ${config.TEMPORAL_ADDRESS}`, 'Worker');
    // Resolves after SIGINT/SIGTERM (the SDK's default shutdown signals) once in-flight tasks finish.
    await worker.run();
    logger.log('Worker stopped', 'Worker');
  } finally {
    await mailOutbox.stop();
    await connection.close();
    await app.close();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.name === 'ConfigError' ? err.message : `Worker gagal / Worker failed: ${err.stack ?? err.message}`}\n`);
  process.exit(1);
});
