import { Module } from '@nestjs/common';
import { InboxMessagesController } from './inbox-messages.controller';
import { InboxController } from './inbox.controller';

/** The mail inbox: the private address, who may send, and what arrived. */
@Module({ controllers: [InboxController, InboxMessagesController] })
export class InboxModule {}
