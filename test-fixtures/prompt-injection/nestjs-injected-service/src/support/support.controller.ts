// NestJS controller: the body's tone goes through the injected service into the system prompt. The controller has
// no guards at all.
import { Body, Controller, Post } from '@nestjs/common';
import { SupportService } from './support.service';

class AskDto {
  question!: string;
  tone!: string;
}

@Controller('support')
export class SupportController {
  constructor(private readonly support: SupportService) {}

  @Post('ask')
  // expect: missing-rate-limit, unauthenticated-llm-endpoint
  async ask(@Body() dto: AskDto) {
    return { answer: await this.support.answer(dto.question, dto.tone) };
  }
}
