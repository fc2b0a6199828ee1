package dev.cobooauth.signing;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Copies a joined body out of its pooled buffer, so it can be signed or verified and written again.
 */
final class DataBuffers {

	static final byte[] NO_BODY = new byte[0];

	private DataBuffers() {
	}

	static byte[] drain(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
