import { describe, expect, it } from 'vitest';
import { readProto, readRpcSignature } from '../../../lib/scope/grammar/proto.js';
import type { Field } from '../../../lib/types.js';

/** Invented fixture: an inventory reservations service (no `syntax` line), starting on document line 20. */
const INVENTORY = [
  'package inventory.v1;', //                                              20
  'import "google/api/annotations.proto";', //                             21
  'import "google/protobuf/timestamp.proto";', //                          22
  '', //                                                                   23
  '// Holds stock: rpc ReserveStock, then message Reservation below.', //  24
  'service Reservations {', //                                             25
  '  rpc ReserveStock(ReserveStockRequest) returns (Reservation) {', //   26
  '    option (google.api.http) = { post: "/v1/reservations" body: "*" };', // 27
  '  }', //                                                                28
  '  rpc ListReservations(ListReservationsRequest) returns (ListReservationsResponse) {', // 29
  '    option (google.api.http) = { get: "/v1/warehouses/{warehouse_id}/reservations" };', // 30
  '  }', //                                                                31
  '  rpc WatchReservation(WatchReservationRequest) returns (stream Reservation);', // 32
  '}', //                                                                  33
  '', //                                                                   34
  'enum HoldKind {', //                                                    35
  '  HOLD_KIND_UNSPECIFIED = 0;', //                                       36
  '  SOFT = 1;', //                                                        37
  '  HARD = 2;', //                                                        38
  '}', //                                                                  39
  '', //                                                                   40
  'message ReserveStockRequest {', //                                      41
  '  string sku = 1;', //                                                  42
  '  int32 quantity = 2;', //                                              43
  '  HoldKind kind = 3;', //                                               44
  '  optional string note = 4;', //                                        45
  '  repeated string tags = 5;', //                                        46
  '  bytes token = 6;', //                                                 47
  '}', //                                                                  48
  '', //                                                                   49
  'message Reservation {', //                                              50
  '  string id = 1;', //                                                   51
  '  int64 quantity = 2;', //                                              52
  '  google.protobuf.Timestamp expires_at = 3;', //                        53
  '  Location location = 4;', //                                           54
  '  double weight = 5;', //                                               55
  '  bool confirmed = 6;', //                                              56
  '}', //                                                                  57
  'message Location { string aisle = 1; }', //                             58
  'message ListReservationsRequest { string warehouse_id = 1; int32 page_size = 2; }', // 59
  'message ListReservationsResponse { repeated Reservation reservations = 1; string next_page_token = 2; }', // 60
  'message WatchReservationRequest { string id = 1; }', //                 61
].join('\n');

describe('readProto', () => {
  const read = readProto(INVENTORY, 20)!;

  it('parses without a syntax line and finds services at their lines', () => {
    expect(read).toBeDefined();
    expect(read.services).toEqual([{ name: 'Reservations', line: 25 }]);
    expect(read.enums.get('HoldKind')).toEqual(['HOLD_KIND_UNSPECIFIED', 'SOFT', 'HARD']);
  });

  it('reads one grpc operation per rpc, located past comments', () => {
    expect(read.operations.map((op) => [op.kind, op.name, op.line, op.list])).toEqual([
      ['grpc', 'ReserveStock', 26, false],
      ['grpc', 'ListReservations', 29, true],
      ['grpc', 'WatchReservation', 32, true],
    ]);
    expect(read.operations[2].summary).toBe('rpc WatchReservation(WatchReservationRequest) returns (stream Reservation)');
  });

  it('maps request fields: enums, optional, repeated, bytes', () => {
    expect(read.operations[0].requestFields).toEqual([
      { name: 'sku', line: 42, type: 'string' },
      { name: 'quantity', line: 43, type: 'integer' },
      { name: 'kind', line: 44, type: 'string', enum: ['HOLD_KIND_UNSPECIFIED', 'SOFT', 'HARD'] },
      { name: 'note', line: 45, type: 'string', required: false },
      { name: 'tags', line: 46, type: 'array', items: 'string' },
      { name: 'token', line: 47, type: 'string', format: 'byte' },
    ]);
  });

  it('maps response fields: int64, Timestamp, messages, numbers, booleans', () => {
    expect(read.operations[0].responseFields).toEqual([
      { name: 'id', line: 51, type: 'string' },
      { name: 'quantity', line: 52, type: 'integer', format: 'int64' },
      { name: 'expires_at', line: 53, type: 'string', format: 'date-time' },
      { name: 'location', line: 54, type: 'object', description: 'Location' },
      { name: 'weight', line: 55, type: 'number' },
      { name: 'confirmed', line: 56, type: 'boolean' },
    ]);
    expect(read.messages.get('ListReservationsResponse')![0]).toEqual({ name: 'reservations', line: 60, type: 'array', items: 'object', description: 'Reservation' });
  });

  it('extracts google.api.http rules by rpc name', () => {
    expect(read.httpRules.get('ReserveStock')).toEqual({ method: 'POST', path: '/v1/reservations' });
    expect(read.httpRules.get('ListReservations')).toEqual({ method: 'GET', path: '/v1/warehouses/{warehouse_id}/reservations' });
    expect(read.httpRules.has('WatchReservation')).toBe(false);
  });

  it('keeps an explicit syntax line and reports nested messages', () => {
    const nested = readProto(['syntax = "proto3";', 'message Bookmark {', '  message Tag { string label = 1; }', '  repeated Tag tags = 1;', '}'].join('\n'), 5)!;
    expect(nested.messages.get('Bookmark')).toEqual([{ name: 'tags', line: 8, type: 'array', items: 'object', description: 'Tag' }]);
    expect(nested.messages.get('Tag')).toEqual([{ name: 'label', line: 7, type: 'string' }]);
  });

  it('returns undefined for garbage', () => {
    expect(readProto('message Broken { string = ; }', 1)).toBeUndefined();
    expect(readProto('Reservations are held for fifteen minutes.', 1)).toBeUndefined();
  });
});

describe('readRpcSignature', () => {
  const known = new Map<string, Field[]>([
    ['ReserveStockRequest', [{ name: 'sku', line: 3, type: 'string' }]],
    ['Reservation', [{ name: 'id', line: 7, type: 'string' }]],
  ]);

  it('reads the bare form with fields from known messages', () => {
    const read = readRpcSignature('ReserveStock(ReserveStockRequest) returns (Reservation)', 14, known)!;
    expect(read.request).toBe('ReserveStockRequest');
    expect(read.response).toBe('Reservation');
    expect(read.op).toMatchObject({ kind: 'grpc', name: 'ReserveStock', line: 14, list: false, summary: 'rpc ReserveStock(ReserveStockRequest) returns (Reservation)' });
    expect(read.op.requestFields).toEqual([{ name: 'sku', line: 3, type: 'string' }]);
    expect(read.op.responseFields).toEqual([{ name: 'id', line: 7, type: 'string' }]);
  });

  it('reads a streamed response with `rpc` and a trailing `;` or `{}`', () => {
    const read = readRpcSignature('rpc WatchStock(WatchStockRequest) returns (stream Reservation);', 2)!;
    expect(read.op.list).toBe(true);
    expect(read.op.summary).toBe('rpc WatchStock(WatchStockRequest) returns (stream Reservation)');
    expect(read.op.responseFields).toEqual([]);
    const braces = readRpcSignature('rpc Ping(google.protobuf.Empty) returns (Pong) {}', 4)!;
    expect(braces.request).toBe('google.protobuf.Empty');
    expect(braces.op.name).toBe('Ping');
  });

  it('returns undefined for text that is not one rpc', () => {
    expect(readRpcSignature('ReserveStock holds stock', 1)).toBeUndefined();
    expect(readRpcSignature('ReserveStock(A) returns (B); rpc Other(C) returns (D)', 1)).toBeUndefined();
    expect(readRpcSignature('rpc 9Bad(A) returns (B)', 1)).toBeUndefined();
  });
});
