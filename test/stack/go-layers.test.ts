// A Go service's layers are where its files say they are: handlers take the router's
// request, stores and repositories hold the database handle. A small repository of our own.
import { describe, expect, it } from 'vitest';
import { detectedService } from '../helpers/detect.js';

describe('the layers of a chi service', () => {
  it('finds handlers in internal/handler and stores in internal/repository, not the generic folders', async () => {
    const service = await detectedService({
      'go.mod': 'module example.com/lockers\n\ngo 1.22\n\nrequire github.com/go-chi/chi/v5 v5.2.1\n',
      'cmd/main.go': 'package main\n\nimport "github.com/go-chi/chi/v5"\n\nfunc main() {\n\tr := chi.NewRouter()\n\t_ = r\n}\n',
      'internal/handler/lockers.go': 'package handler\n\nimport "net/http"\n\nfunc ListLockers(w http.ResponseWriter, r *http.Request) {}\n',
      'internal/handler/rentals.go': 'package handler\n\nimport "net/http"\n\nfunc Rent(w http.ResponseWriter, r *http.Request) {}\n',
      'internal/repository/lockers.go': 'package repository\n\ntype LockerRepository struct{ db any }\n',
      'internal/service/rentals.go': 'package service\n\ntype RentalService struct{}\n',
    });
    expect(service.framework?.value).toBe('chi');
    const layers = service.layout?.layers;
    expect(layers?.routes?.dir).toBe('internal/handler');
    expect(layers?.data?.dir).toBe('internal/repository');
    expect(layers?.services?.dir).toBe('internal/service');
  });
});
