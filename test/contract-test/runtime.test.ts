// The environment-variable convention and how each language writes runtime values.
import { describe, expect, it } from 'vitest';
import { credentialFor, paramEnvName, screamingSnake, valueSyntax, type RuntimeValue } from '../../lib/contract-test/runtime.js';

describe('variable names', () => {
  it.each([
    ['bearerAuth', { type: 'http', scheme: 'bearer' }, 'MAGI_BEARER_TOKEN', 'header Authorization, Bearer '],
    ['BearerAuth', { type: 'http', scheme: 'Bearer' }, 'MAGI_BEARER_TOKEN', 'header Authorization, Bearer '],
    ['jwt', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'MAGI_JWT_TOKEN', 'header Authorization, Bearer '],
    ['basicAuth', { type: 'http', scheme: 'basic' }, 'MAGI_BASIC_CREDENTIALS', 'header Authorization, Basic '],
    ['ApiKeyAuth', { type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'MAGI_API_KEY', 'header X-API-Key, '],
    ['partner_key', { type: 'apiKey', in: 'query', name: 'key' }, 'MAGI_PARTNER_KEY', 'query key, '],
    ['session', { type: 'apiKey', in: 'cookie', name: 'sid' }, 'MAGI_SESSION_KEY', 'cookie sid, '],
    ['petstore_auth', { type: 'oauth2', flows: {} }, 'MAGI_PETSTORE_TOKEN', 'header Authorization, Bearer '],
    ['OAuth2', { type: 'oauth2', flows: {} }, 'MAGI_OAUTH2_TOKEN', 'header Authorization, Bearer '],
    ['oidc', { type: 'openIdConnect', openIdConnectUrl: 'https://id.example.com' }, 'MAGI_OIDC_TOKEN', 'header Authorization, Bearer '],
  ])('%s -> %s', (name, scheme, env, sent) => {
    const credential = credentialFor(name, scheme);
    expect(credential?.env).toBe(env);
    expect(`${credential?.place} ${credential?.name}, ${credential?.prefix}`).toBe(sent);
  });

  it('has no variable for what a test cannot send', () => {
    expect(credentialFor('mtls', { type: 'mutualTLS' })).toBeUndefined();
    expect(credentialFor('odd', { type: 'apiKey', in: 'header' })).toBeUndefined();
    expect(credentialFor('missing', undefined)).toBeUndefined();
  });

  it.each([['cardId', 'MAGI_PARAM_CARD_ID'], ['order_id', 'MAGI_PARAM_ORDER_ID'], ['user-ID', 'MAGI_PARAM_USER_ID'], ['userID', 'MAGI_PARAM_USER_ID'], ['id', 'MAGI_PARAM_ID']])('path parameter %s -> %s', (name, env) => {
    expect(paramEnvName(name)).toBe(env);
  });

  it('is SCREAMING_SNAKE_CASE', () => {
    expect(screamingSnake('giftCard.v2 key')).toBe('GIFT_CARD_V2_KEY');
  });
});

describe('valueSyntax', () => {
  const url: RuntimeValue = [{ text: '/v1/orders/' }, { env: 'MAGI_PARAM_ORDER_ID', escape: 'path' }, { text: '/items?q=' }, { env: 'MAGI_Q', fallback: 'a b', escape: 'query' }];
  const bearer: RuntimeValue = [{ text: 'Bearer ' }, { env: 'MAGI_BEARER_TOKEN' }];

  it.each([
    ['typescript', "`/v1/orders/${encodeURIComponent(env('MAGI_PARAM_ORDER_ID'))}/items?q=${encodeURIComponent(env('MAGI_Q', 'a b'))}`", "`Bearer ${env('MAGI_BEARER_TOKEN')}`", 'randomUUID()'],
    ['python', '"/v1/orders/" + quote(env("MAGI_PARAM_ORDER_ID"), safe="") + "/items?q=" + quote(env("MAGI_Q", "a b"), safe="")', '"Bearer " + env("MAGI_BEARER_TOKEN")', 'str(uuid.uuid4())'],
    ['go', '"/v1/orders/"+url.PathEscape(ordersEnv("MAGI_PARAM_ORDER_ID", ""))+"/items?q="+url.QueryEscape(ordersEnv("MAGI_Q", "a b"))', '"Bearer "+ordersEnv("MAGI_BEARER_TOKEN", "")', 'ordersUUID()'],
    ['ruby', '"/v1/orders/#{ERB::Util.url_encode(contract_env("MAGI_PARAM_ORDER_ID"))}/items?q=#{ERB::Util.url_encode(contract_env("MAGI_Q", "a b"))}"', '"Bearer #{contract_env("MAGI_BEARER_TOKEN")}"', 'SecureRandom.uuid'],
    ['rust', 'String::from("/v1/orders/") + &encode(&env("MAGI_PARAM_ORDER_ID", "")) + "/items?q=" + &encode(&env("MAGI_Q", "a b"))', 'String::from("Bearer ") + &env("MAGI_BEARER_TOKEN", "")', 'fresh_uuid()'],
  ])('%s', (language, urlCode, bearerCode, uuidCode) => {
    const syntax = valueSyntax(language, 'orders');
    expect(syntax.value(url)).toBe(urlCode);
    expect(syntax.value(bearer)).toBe(bearerCode);
    expect(syntax.value([{ uuid: true }])).toBe(uuidCode);
  });

  it('keeps static values plain literals, escaping what each language needs', () => {
    expect(valueSyntax('typescript').value([{ text: "it's" }])).toBe("'it\\'s'");
    expect(valueSyntax('typescript').value([{ text: '`${x}` ' }, { uuid: true }])).toBe('`\\`\\${x}\\` ${randomUUID()}`');
    expect(valueSyntax('ruby').value([{ text: '#{x} ' }, { uuid: true }])).toBe('"\\#{x} #{SecureRandom.uuid}"');
    expect(valueSyntax('python').value([{ text: '/a' }, { text: '/b' }])).toBe('"/a/b"');
  });
});
