//! Which of the laptop's addresses the phones can reach: private IPv4 addresses on
//! interfaces that are up, the likeliest first. Adapters for virtual machines,
//! containers and VPNs (the commonest reason phones cannot connect) come last, and a
//! public address is never offered.

use std::net::Ipv4Addr;

/// An address the server could listen on, with the name of its interface.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub interface: String,
    pub ip: Ipv4Addr,
}

/// Interface names of virtual adapters, containers and VPNs.
const VIRTUAL: [&str; 14] = [
    "docker",
    "br-",
    "veth",
    "virbr",
    "vbox",
    "vmnet",
    "vethernet",
    "tun",
    "tap",
    "wg",
    "utun",
    "zt",
    "tailscale",
    "lxc",
];

/// The laptop's private IPv4 addresses, the likeliest for a room's Wi-Fi first.
pub fn candidates() -> Vec<Candidate> {
    let Ok(interfaces) = if_addrs::get_if_addrs() else { return Vec::new() };
    let mut found: Vec<Candidate> = interfaces
        .into_iter()
        .filter(|i| i.is_oper_up() && !i.is_loopback())
        .filter_map(|i| match i.ip() {
            std::net::IpAddr::V4(ip) if ip.is_private() => Some(Candidate { interface: i.name, ip }),
            _ => None,
        })
        .collect();
    found.sort_by_key(|c| (is_virtual(&c.interface), !c.ip.octets().starts_with(&[192, 168]), c.interface.clone()));
    found
}

fn is_virtual(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    VIRTUAL.iter().any(|v| name.starts_with(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn virtual_adapters_are_known_by_name() {
        for name in ["docker0", "br-1a2b", "vEthernet (WSL)", "tun0", "wg0", "tailscale0"] {
            assert!(is_virtual(name), "{name}");
        }
        for name in ["wlan0", "wlp2s0", "eth0", "enp3s0", "en0", "Wi-Fi"] {
            assert!(!is_virtual(name), "{name}");
        }
    }

    #[test]
    fn only_private_addresses_of_interfaces_that_are_up_are_offered() {
        for candidate in candidates() {
            assert!(candidate.ip.is_private() && !candidate.ip.is_loopback(), "{candidate:?}");
        }
    }
}
