// The throttler guards every route of the app (APP_GUARD); authentication is per controller.
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { RecipesController } from './recipes/recipes.controller';
import { RecipesService } from './recipes/recipes.service';

@Module({
  imports: [ThrottlerModule.forRoot([{ ttl: 60_000, limit: 20 }])],
  controllers: [RecipesController],
  providers: [RecipesService, { provide: APP_GUARD, useClass: ThrottlerGuard }],
})
export class AppModule {}
