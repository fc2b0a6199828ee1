/*
 * The native floor of benchmark 1 and of the response check: the same Cobo cryptography done by
 * libsodium, a C library built for speed, measured in the same run as the JMH benchmarks.
 *
 * Built and run by benchmarks/run.sh (gcc -O2, Debian's libsodium-dev). For each operation it runs
 * 2 seconds of warm-up and then ROUNDS rounds of 1 second each, and prints one JSON object per
 * operation with the mean time per operation over the rounds and each round's figure, so the report
 * can show how much the rounds differ.
 *
 * The operations do what the starter does short of HTTP, with the inputs the Java benchmarks use:
 *   verify_response   SHA-256(SHA-256(body|timestamp)), hex-decode the 128-character signature,
 *                     Ed25519 verify against Cobo's response key (the body: FakeCobo's wallets page)
 *   sign_get_wallets  SHA-256(SHA-256(GET|/v2/wallets|nonce|query|)), Ed25519 sign, hex-encode
 *   sign_post_transfer the same for the transfer request and its 362-byte JSON body
 * The nonce is formatted per operation, as the starter formats the clock's milliseconds.
 *
 * Usage: libsodium_floor BODY_FILE TRANSFER_BODY_FILE QUERY ROUNDS
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define INPUT_CAPACITY 4096

static unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
static unsigned char secret_key[crypto_sign_SECRETKEYBYTES];

static unsigned char body[INPUT_CAPACITY];
static size_t body_length;
static char timestamp[32];
static char response_signature_hex[crypto_sign_BYTES * 2 + 1];

static unsigned char transfer_body[INPUT_CAPACITY];
static size_t transfer_body_length;
static const char *wallets_query;

static volatile unsigned long long sink;

static double now_seconds(void) {
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double) t.tv_sec + (double) t.tv_nsec / 1e9;
}

static size_t read_file(const char *path, unsigned char *into) {
	FILE *file = fopen(path, "rb");
	if (file == NULL) {
		perror(path);
		exit(2);
	}
	size_t length = fread(into, 1, INPUT_CAPACITY, file);
	fclose(file);
	return length;
}

static void double_sha256(const unsigned char *head, size_t head_length, const unsigned char *tail,
		size_t tail_length, unsigned char digest[crypto_hash_sha256_BYTES]) {
	crypto_hash_sha256_state state;
	crypto_hash_sha256_init(&state);
	crypto_hash_sha256_update(&state, head, head_length);
	crypto_hash_sha256_update(&state, tail, tail_length);
	crypto_hash_sha256_final(&state, digest);
	crypto_hash_sha256(digest, digest, crypto_hash_sha256_BYTES);
}

/* SHA-256(SHA-256(body|timestamp)): what Cobo signs in an answer. */
static void response_digest(unsigned char digest[crypto_hash_sha256_BYTES]) {
	crypto_hash_sha256_state state;
	crypto_hash_sha256_init(&state);
	crypto_hash_sha256_update(&state, body, body_length);
	crypto_hash_sha256_update(&state, (const unsigned char *) "|", 1);
	crypto_hash_sha256_update(&state, (const unsigned char *) timestamp, strlen(timestamp));
	crypto_hash_sha256_final(&state, digest);
	crypto_hash_sha256(digest, digest, crypto_hash_sha256_BYTES);
}

static int verify_response(void) {
	unsigned char digest[crypto_hash_sha256_BYTES];
	unsigned char signature[crypto_sign_BYTES];
	size_t signature_length;
	response_digest(digest);
	if (sodium_hex2bin(signature, sizeof signature, response_signature_hex, crypto_sign_BYTES * 2, NULL,
			&signature_length, NULL) != 0) {
		return -1;
	}
	return crypto_sign_verify_detached(signature, digest, sizeof digest, public_key);
}

static void sign_request(const char *method, const char *path, const char *query, const unsigned char *request_body,
		size_t request_body_length) {
	char head[INPUT_CAPACITY];
	unsigned char digest[crypto_hash_sha256_BYTES];
	unsigned char signature[crypto_sign_BYTES];
	char signature_hex[crypto_sign_BYTES * 2 + 1];
	struct timespec t;
	clock_gettime(CLOCK_REALTIME, &t);
	long long nonce = (long long) t.tv_sec * 1000 + t.tv_nsec / 1000000;
	int head_length = snprintf(head, sizeof head, "%s|%s|%lld|%s|", method, path, nonce, query);
	double_sha256((const unsigned char *) head, (size_t) head_length, request_body, request_body_length, digest);
	crypto_sign_detached(signature, NULL, digest, sizeof digest, secret_key);
	sodium_bin2hex(signature_hex, sizeof signature_hex, signature, sizeof signature);
	sink += (unsigned char) signature_hex[0];
}

static void sign_get_wallets(void) {
	sign_request("GET", "/v2/wallets", wallets_query, (const unsigned char *) "", 0);
}

static void sign_post_transfer(void) {
	sign_request("POST", "/v2/transactions/transfer", "", transfer_body, transfer_body_length);
}

static void check_verify(void) {
	if (verify_response() != 0) {
		fprintf(stderr, "the response signature does not verify: not the work the starter does\n");
		exit(3);
	}
}

static void verify_response_operation(void) {
	sink += (unsigned long long) verify_response();
}

/* Runs the operation for about `seconds`, returns microseconds per operation. */
static double run_for(void (*operation)(void), double seconds) {
	unsigned long long operations = 0;
	double start = now_seconds();
	double end = start + seconds;
	double t = start;
	while (t < end) {
		for (int i = 0; i < 100; i++) {
			operation();
		}
		operations += 100;
		t = now_seconds();
	}
	return (t - start) * 1e6 / (double) operations;
}

static void measure(const char *name, void (*operation)(void), int rounds) {
	double per_round[64];
	double sum = 0;
	run_for(operation, 2.0);
	for (int r = 0; r < rounds; r++) {
		per_round[r] = run_for(operation, 1.0);
		sum += per_round[r];
	}
	printf("{\"operation\":\"%s\",\"microsPerOperation\":%.3f,\"rounds\":[", name, sum / rounds);
	for (int r = 0; r < rounds; r++) {
		printf("%s%.3f", r == 0 ? "" : ",", per_round[r]);
	}
	printf("],\"libsodium\":\"%s\"}\n", sodium_version_string());
	fflush(stdout);
}

int main(int argc, char **argv) {
	if (argc != 5) {
		fprintf(stderr, "usage: %s BODY_FILE TRANSFER_BODY_FILE QUERY ROUNDS\n", argv[0]);
		return 2;
	}
	if (sodium_init() < 0) {
		fprintf(stderr, "libsodium did not initialise\n");
		return 2;
	}
	body_length = read_file(argv[1], body);
	transfer_body_length = read_file(argv[2], transfer_body);
	wallets_query = argv[3];
	int rounds = atoi(argv[4]);
	if (rounds < 2 || rounds > 64) {
		fprintf(stderr, "ROUNDS must be 2 to 64\n");
		return 2;
	}
	crypto_sign_keypair(public_key, secret_key);
	snprintf(timestamp, sizeof timestamp, "%lld", (long long) time(NULL) * 1000);
	unsigned char digest[crypto_hash_sha256_BYTES];
	unsigned char signature[crypto_sign_BYTES];
	response_digest(digest);
	crypto_sign_detached(signature, NULL, digest, sizeof digest, secret_key);
	sodium_bin2hex(response_signature_hex, sizeof response_signature_hex, signature, sizeof signature);
	check_verify();
	measure("verify_response", verify_response_operation, rounds);
	measure("sign_get_wallets", sign_get_wallets, rounds);
	measure("sign_post_transfer", sign_post_transfer, rounds);
	return 0;
}
