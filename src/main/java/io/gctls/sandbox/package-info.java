/**
 * The built-in Genesys Cloud emulator (docs/sandbox.md): {@link io.gctls.sandbox.Sandbox} starts an
 * embedded WireMock on 127.0.0.1 whose baseline stubs ({@code fixtures/wiremock/mappings}, packaged
 * into the jar) route login and API to a stateful emulator of the API in docs/api.md, with
 * {@link io.gctls.sandbox.FaultSpec fault switches} on top, and a TLS front on a second loopback
 * port that serves every deployed certificate by SNI ({@link io.gctls.sandbox.Sandbox#tlsPort()}).
 * No Spring, no shell: the {@code sandbox} commands, {@code --sandbox} and the Cucumber harness
 * drive it through this public API.
 */
package io.gctls.sandbox;
