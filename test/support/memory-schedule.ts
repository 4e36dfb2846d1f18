// In-memory mail and contacts for tests that run the deadline job or a reminder over the real
// table: the job's mail is caught here instead of the outbox, and only the addresses a test gives
// exist, so no other suite's contacts are mailed.
import type { ContactStore, MailMessage, MailSender } from '#core/schedule-ports';
import type { Contacts, NotificationSettings } from '#schemas/schedule';

export class MemoryMail implements MailSender {
  sent: MailMessage[] = [];
  /** Addresses whose mailbox refuses: a send to one of them throws. */
  failFor = new Set<string>();
  async send(message: MailMessage) {
    const bad = message.to.find((t) => this.failFor.has(t));
    if (bad) throw new Error(`mailbox unavailable: ${bad}`);
    this.sent.push(message);
    return { messageId: `m-${this.sent.length}` };
  }
  /** The reminders sent in one round. */
  of(roundId: string) {
    return this.sent.filter((m) => m.key.startsWith(`reminder/${roundId}/`));
  }
  /** The steps one organisation was sent in one round, in order. */
  steps(roundId: string, orgId: string) {
    return this.sent.filter((m) => m.key.startsWith(`reminder/${roundId}/${orgId}/`)).map((m) => m.key.split('/').pop());
  }
}

export class MemoryContacts implements ContactStore {
  lists = new Map<string, Contacts>();
  settings: NotificationSettings | undefined;
  async get(orgId: string) {
    return this.lists.get(orgId);
  }
  async getMany(orgIds: readonly string[]) {
    return new Map(orgIds.flatMap((id) => (this.lists.has(id) ? [[id, this.lists.get(id)!] as const] : [])));
  }
  async put(c: Contacts) {
    this.lists.set(c.orgId, c);
  }
  async getSettings() {
    return this.settings;
  }
  async putSettings(s: NotificationSettings) {
    this.settings = s;
  }
}
