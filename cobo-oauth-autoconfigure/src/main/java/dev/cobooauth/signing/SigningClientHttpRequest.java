package dev.cobooauth.signing;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpRequestDecorator;

/**
 * A request on its way to the connection: it gathers the body the encoder writes, signs exactly
 * those bytes, sets the signature headers, and only then writes the body (or completes an empty
 * request).
 */
final class SigningClientHttpRequest extends ClientHttpRequestDecorator {

	private final CoboRequestSigner signer;

	SigningClientHttpRequest(ClientHttpRequest delegate, CoboRequestSigner signer) {
		super(delegate);
		this.signer = signer;
	}

	@Override
	public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
		return DataBufferUtils.join(body).map(DataBuffers::drain).defaultIfEmpty(DataBuffers.NO_BODY).flatMap((bytes) -> {
			sign(bytes);
			return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
		});
	}

	@Override
	public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
		return writeWith(Flux.from(body).concatMap(Flux::from));
	}

	@Override
	public Mono<Void> setComplete() {
		return Mono.defer(() -> {
			sign(DataBuffers.NO_BODY);
			return super.setComplete();
		});
	}

	private void sign(byte[] body) {
		SignatureHeaderWriter.sign(this.signer, getMethod(), getURI(), body, getHeaders());
	}

}
