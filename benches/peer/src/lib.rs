//! Empty: the package exists for its benchmark (benches/peer.rs).
