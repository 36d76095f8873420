/**
 * The OpenAPI description served at {@code /v3/api-docs}, said as the application behaves: who may call each
 * operation, every error it can answer (as problem details), the limits the edge enforces on parameters and bodies,
 * and the rate-limit headers. Linted by Spectral in CI ({@code .ci/spectral}, {@code .spectral.yaml}).
 */
package org.hostledger.api.openapi;
