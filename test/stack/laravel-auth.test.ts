// Laravel's two token libraries share the trait `HasApiTokens`: with Passport installed (an OAuth2 server,
// routes under `auth:api`) the tokens are Passport's, and Sanctum is not reported beside it.
import { describe, expect, it } from 'vitest';
import { detectedService } from '../helpers/detect.js';

const app = (require: Record<string, string>, routes: string) => ({
  'composer.json': JSON.stringify({ name: 'acme/api', require: { php: '^8.3', 'laravel/framework': '^11.0', ...require } }),
  artisan: '#!/usr/bin/env php\n<?php\n',
  'bootstrap/app.php': "<?php\nuse Illuminate\\Foundation\\Application;\nreturn Application::configure(basePath: dirname(__DIR__))->create();\n",
  'routes/api.php': `<?php\nuse Illuminate\\Support\\Facades\\Route;\n${routes}\n`,
  'app/Models/User.php': '<?php\nnamespace App\\Models;\nuse Illuminate\\Foundation\\Auth\\User as Authenticatable;\nuse Laravel\\Passport\\HasApiTokens;\nclass User extends Authenticatable\n{\n    use HasApiTokens;\n}\n',
});

describe('Laravel token auth', () => {
  it('Passport, under auth:api', async () => {
    const service = await detectedService(app({ 'laravel/passport': '^13.0', 'laravel/sanctum': '^4.0' }, "Route::middleware('auth:api')->get('/user', fn () => 1);"));
    expect(service.framework?.value).toBe('laravel');
    expect(service.auth.map((auth) => auth.value)).toEqual(['laravel-passport']);
  });

  it('Sanctum alone, under auth:sanctum', async () => {
    const service = await detectedService(app({ 'laravel/sanctum': '^4.0' }, "Route::middleware('auth:sanctum')->get('/user', fn () => 1);"));
    expect(service.auth.map((auth) => auth.value)).toEqual(['sanctum']);
  });
});
