import { Injectable } from '@nestjs/common';
import Anthropic from '@anthropic-ai/sdk';

@Injectable()
export class SupportService {
  private readonly anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });

  async answer(question: string, tone: string): Promise<string> {
    const msg = await this.anthropic.messages.create({
      model: 'claude-sonnet-4-5',
      max_tokens: 1024,
      // expect: prompt-injection
      system: `You are the Acme support assistant. Answer in a ${tone} tone and never discuss pricing exceptions.`,
      messages: [{ role: 'user', content: question }],
    });
    const block = msg.content[0];
    return block.type === 'text' ? block.text : '';
  }
}
