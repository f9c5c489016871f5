import { Injectable } from '@nestjs/common';
import OpenAI from 'openai';

@Injectable()
export class RecipesService {
  private readonly openai = new OpenAI();

  async suggest(ingredients: string) {
    const r = await this.openai.chat.completions.create({
      model: 'gpt-4o-mini',
      max_completion_tokens: 400,
      messages: [
        { role: 'system', content: 'Suggest one recipe using only the listed ingredients.' },
        { role: 'user', content: ingredients },
      ],
    });
    return { recipe: r.choices[0].message.content };
  }
}
