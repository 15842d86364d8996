import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { ReportJob } from './report-job.entity';

/** A running job whose replica has not said anything for this long is taken over. */
const STALE_AFTER = '2 minutes';

@Injectable()
export class ReportJobRepository {
  constructor(private readonly em: EntityManager) {}

  async add(job: ReportJob): Promise<void> {
    await this.em.persist(job).flush();
  }

  findOwned(userId: string, id: string): Promise<ReportJob | null> {
    return this.em.findOne(ReportJob, { id, userId });
  }

  find(id: string): Promise<ReportJob | null> {
    return this.em.findOne(ReportJob, { id });
  }

  async flush(): Promise<void> {
    await this.em.flush();
  }

  /** Takes the oldest queued (or abandoned) job for this replica; other replicas skip it. */
  async claimNext(): Promise<string | null> {
    const { rows } = await sql<{ id: string }>`update tax.report_job set status = 'running', heartbeat_at = now()
        where id = (select id from tax.report_job
          where status = 'queued' or (status = 'running' and heartbeat_at < now() - ${STALE_AFTER}::interval)
          order by created_at for update skip locked limit 1)
        returning id`.execute(this.em.getKysely());
    return rows[0]?.id ?? null;
  }

  async heartbeat(id: string): Promise<void> {
    await sql`update tax.report_job set heartbeat_at = now() where id = ${id}`.execute(this.em.getKysely());
  }

  expired(limit: number): Promise<ReportJob[]> {
    return this.em.find(ReportJob, { expiresAt: { $lt: new Date() } }, { limit, orderBy: { expiresAt: 'asc' } });
  }

  async remove(job: ReportJob): Promise<void> {
    await this.em.remove(job).flush();
  }
}
