// A Django REST framework app: a settings helper named setup.py is not a second service, and the
// serializers DRF brings settle a tie with a few Django forms in side views.
import { rm } from 'node:fs/promises';
import { describe, expect, it, onTestFinished } from 'vitest';
import { detectStack } from '../../lib/stack/index.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const drfApp: Record<string, string> = {
  'requirements.txt': 'Django==5.0\ndjangorestframework==3.15\n',
  'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")\n',
  'config/settings/debug_toolbar/setup.py': 'from django.urls import include, path\n\ndef show_toolbar(*args, **kwargs) -> bool:\n    return True\n',
  'shop/orders/apis.py': 'from rest_framework import serializers\nfrom rest_framework.views import APIView\n\nclass OrderApi(APIView):\n    class Input(serializers.Serializer):\n        note = serializers.CharField()\n',
  'shop/users/apis.py': 'from rest_framework import serializers\nfrom rest_framework.views import APIView\n\nclass UserApi(APIView):\n    class Input(serializers.Serializer):\n        email = serializers.EmailField()\n',
  'shop/admin_login/views.py': 'from django import forms\n\nclass LoginForm(forms.Form):\n    code = forms.CharField()\n',
  'shop/admin_otp/views.py': 'from django import forms\n\nclass OtpForm(forms.Form):\n    code = forms.CharField()\n',
};

async function detected(files: Record<string, string>) {
  const root = writeTree(tempDir('magi-drf-'), files);
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  return detectStack(root);
}

describe('a Django REST framework app', () => {
  it('a setup.py that packages nothing does not make its folder a service', async () => {
    const report = await detected(drfApp);
    expect(report.services.map((service) => service.path)).toEqual(['.']);
  });

  it('a setup.py that calls setuptools.setup() still does', async () => {
    const report = await detected({
      ...drfApp,
      'tools/hooks/setup.py': 'from setuptools import setup\n\nsetup(name="shop-hooks", install_requires=["flask"])\n',
      'tools/hooks/app.py': 'from flask import Flask\n\napp = Flask(__name__)\n\n@app.route("/hooks", methods=["POST"])\ndef hook():\n    return ""\n',
    });
    expect(report.services.map((service) => service.path)).toContain('tools/hooks');
  });

  it('DRF serializers, which the framework brings, settle a close tie with Django forms', async () => {
    const [service] = (await detected(drfApp)).services;
    expect(service.framework?.value).toBe('drf');
    expect(service.validation?.value).toBe('drf-serializers');
    expect(service.ambiguities.map((ambiguity) => ambiguity.dimension)).not.toContain('validation');
  });
});

describe('the session cookie a Django app sets', () => {
  const settings = (extra = '') => ({ ...drfApp, 'config/settings.py': `INSTALLED_APPS = ["django.contrib.auth", "rest_framework"]\n${extra}`, 'shop/orders/apis.py': `${drfApp['shop/orders/apis.py']}from django.contrib.auth.decorators import login_required\n` });

  it('is Django\'s default, sessionid, when the settings do not rename it', async () => {
    const [service] = (await detected(settings())).services;
    expect(service.layout?.sessionCookie).toEqual({ name: 'sessionid', auth: 'django-auth', evidence: [] });
  });

  it('is the SESSION_COOKIE_NAME the settings give, cited', async () => {
    const [service] = (await detected(settings('SESSION_COOKIE_NAME = "shop_session"\n'))).services;
    expect(service.layout?.sessionCookie).toEqual({ name: 'shop_session', auth: 'django-auth', evidence: [{ file: 'config/settings.py', line: 2 }] });
  });

  it('names the contract\'s cookie scheme, with no question about it', async () => {
    const { buildContract } = await import('../../lib/contract/index.js');
    const { extractScope } = await import('../../lib/scope/index.js');
    const [service] = (await detected(settings())).services;
    const { artifact, questions } = await buildContract(extractScope('# Notes\n\n## API\n\n- `POST /api/notes` creates a note with `body`.\n'), { apiStyle: 'rest', title: 'Notes', stack: service, location: 'auto' });
    expect(artifact.text).toMatch(/cookieAuth:\n\s+type: apiKey\n\s+in: cookie\n\s+name: sessionid/);
    expect(questions.map((question) => question.text).join('\n')).not.toContain('cookie name');
  });
});

describe('a Django app with several apps that each have migrations', () => {
  it('keeps the <app> folder under their common parent, with their numbering, counted', async () => {
    const [service] = (await detected({
      ...drfApp,
      'shop/orders/models.py': 'from django.db import models\n\nclass Order(models.Model):\n    note = models.TextField()\n',
      'shop/orders/migrations/0001_initial.py': 'from django.db import migrations\n',
      'shop/users/migrations/0001_initial.py': 'from django.db import migrations\n',
      'shop/users/migrations/0002_user_email.py': 'from django.db import migrations\n',
    })).services;
    expect(service.layout?.migrations).toEqual({ dir: 'shop/<app>/migrations', prefix: '<nnnn>', count: 3, evidence: [{ file: 'shop/users/migrations/0002_user_email.py' }] });
  });
});

describe('the layers of a Django project with apps side by side', () => {
  it('put the sprint in <app> under the apps\' folder, not in whichever app the evidence named first', async () => {
    const { buildLayers } = await import('../../lib/model/stack.js');
    const { extractScope } = await import('../../lib/scope/index.js');
    const [service] = (await detected({
      ...drfApp,
      'shop/orders/models.py': 'from django.db import models\n\nclass Order(models.Model):\n    note = models.TextField()\n',
      'shop/users/models.py': 'from django.db import models\n\nclass Profile(models.Model):\n    bio = models.TextField()\n',
    })).services;
    const scope = extractScope('# Notes\n\n## API\n\n- `POST /api/notes` creates a note with `body`.\n\n## Data model\n\nNew table `notes` (id, body).\n');
    const folders = Object.fromEntries(buildLayers(scope, service).map((layer) => [layer.kind, `${layer.folder}${layer.fromRepo ? '' : ' (convention)'}`]));
    expect(folders).toMatchObject({ routes: 'shop/<app>/views.py (convention)', services: 'shop/<app>/services.py (convention)', data: 'shop/<app>/models.py (convention)' });
  });
});
