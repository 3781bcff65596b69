# `kz-eco-rules serve` as a small static image: a musl build in the Rust image,
# then the binary alone on distroless/static, running as a non-root user.
#
#   docker build -t kz-eco-rules .
#   docker run --rm -p 8088:8088 kz-eco-rules
#   curl -s http://127.0.0.1:8088/healthz
#
# The service is stateless: run as many replicas as the load needs behind the
# usual load balancer (README, "For back-end teams").

# ---- build ----------------------------------------------------------------------
# The toolchain the crate is tested with (rust-version in Cargo.toml is the minimum).
FROM rust:1.95-bookworm AS build
RUN rustup target add x86_64-unknown-linux-musl \
 && apt-get update \
 && apt-get install -y --no-install-recommends musl-tools \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Only what the native build reads: the manifest, the build script, the rule data,
# the sources, the examples (embedded by the command line) and the package's
# hand-written declarations (embedded by the schema module).
COPY Cargo.toml Cargo.lock ./
COPY build build
COPY data data
COPY src src
COPY examples examples
COPY npm npm
COPY bench/http_load.rs bench/http_load.rs
COPY benches benches
RUN cargo build --locked --release --target x86_64-unknown-linux-musl --bin kz-eco-rules \
 && cp target/x86_64-unknown-linux-musl/release/kz-eco-rules /kz-eco-rules

# ---- run ------------------------------------------------------------------------
# No shell, no package manager; uid 65532 ("nonroot").
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /kz-eco-rules /usr/local/bin/kz-eco-rules
USER 65532:65532
EXPOSE 8088
# Listen on every interface inside the container; the limits are the defaults
# (see `kz-eco-rules serve --help`). Logs are JSON lines on standard error.
ENTRYPOINT ["/usr/local/bin/kz-eco-rules", "serve", "--addr", "0.0.0.0:8088"]
