// Authenticated (JWT guard on the controller) and rate limited (the app's ThrottlerGuard): no finding. The
// health route opts out of throttling but never calls the model.
import { Body, Controller, Get, Post, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { SkipThrottle } from '@nestjs/throttler';
import { RecipesService } from './recipes.service';

@Controller('recipes')
@UseGuards(AuthGuard('jwt'))
export class RecipesController {
  constructor(private readonly recipes: RecipesService) {}

  @Post('suggest')
  suggest(@Body() body: { ingredients: string }) {
    return this.recipes.suggest(body.ingredients);
  }

  @SkipThrottle()
  @Get('health')
  health() {
    return { ok: true };
  }
}
