import Baken
import CryptoKit
import Foundation
import Security

/// Baken's `KeyStore` on the iPhone. Two P-256 keys live in the Secure Enclave and never leave
/// it: the device key, usable while the phone is unlocked, and the biometric key, usable only
/// after Face ID or Touch ID with the fingers or face enrolled now. A MAC is HMAC-SHA256 under a
/// key derived from the key's agreement with its own public key, which only this phone's Secure
/// Enclave can compute. The Keychain holds the keys' wrapped form and the anchor, on this phone
/// only (`ThisDeviceOnly`, never synchronised, never in a backup). Turning off the phone's
/// passcode deletes them, and with them the way into the journal.
final class KeychainKeyStore: Baken.KeyStore {
    private let service = "nl.baken.demo.journal"

    /// The two keys, by their Keychain account.
    private enum Key: String {
        case device, biometric

        var flags: SecAccessControlCreateFlags {
            switch self {
            case .device: [.privateKeyUsage]
            case .biometric: [.privateKeyUsage, .biometryCurrentSet]
            }
        }
    }

    func deviceMac(data: Data) throws -> Data { try mac(data, key: .device) }

    func biometricMac(data: Data) throws -> Data { try mac(data, key: .biometric) }

    /// Deletes every item of this app's journal: both keys and the anchor.
    func destroyKey() throws {
        let status = SecItemDelete([kSecClass: kSecClassGenericPassword, kSecAttrService: service] as CFDictionary)
        guard status == errSecSuccess || status == errSecItemNotFound else { throw failure("delete the keys", status) }
    }

    func readAnchor() throws -> Data { try read("anchor") ?? Data() }

    func writeAnchor(anchor: Data) throws { try write("anchor", anchor, accessible: kSecAttrAccessibleWhenUnlockedThisDeviceOnly) }

    /// HMAC-SHA256 of `data` under `key`, made on first use.
    private func mac(_ data: Data, key: Key) throws -> Data {
        guard SecureEnclave.isAvailable else { throw Baken.BakenError.Platform(reason: "this device has no Secure Enclave") }
        let enclaveKey: SecureEnclave.P256.KeyAgreement.PrivateKey
        if let wrapped = try read(key.rawValue) {
            enclaveKey = try SecureEnclave.P256.KeyAgreement.PrivateKey(dataRepresentation: wrapped)
        } else {
            var problem: Unmanaged<CFError>?
            guard let access = SecAccessControlCreateWithFlags(nil, kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly, key.flags, &problem) else {
                throw Baken.BakenError.Platform(reason: "no access control: \(String(describing: problem?.takeRetainedValue()))")
            }
            enclaveKey = try SecureEnclave.P256.KeyAgreement.PrivateKey(accessControl: access)
            try write(key.rawValue, enclaveKey.dataRepresentation, accessible: kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly)
        }
        let secret = try enclaveKey.sharedSecretFromKeyAgreement(with: enclaveKey.publicKey)
        let macKey = secret.hkdfDerivedSymmetricKey(using: SHA256.self, salt: Data(service.utf8), sharedInfo: Data(key.rawValue.utf8), outputByteCount: 32)
        return Data(HMAC<SHA256>.authenticationCode(for: data, using: macKey))
    }

    private func query(_ account: String) -> [CFString: Any] {
        [kSecClass: kSecClassGenericPassword, kSecAttrService: service, kSecAttrAccount: account, kSecAttrSynchronizable: kCFBooleanFalse as Any]
    }

    private func read(_ account: String) throws -> Data? {
        var item: CFTypeRef?
        var search = query(account)
        search[kSecReturnData] = true
        let status = SecItemCopyMatching(search as CFDictionary, &item)
        if status == errSecItemNotFound { return nil }
        guard status == errSecSuccess, let data = item as? Data else { throw failure("read \(account)", status) }
        return data
    }

    private func write(_ account: String, _ data: Data, accessible: CFString) throws {
        SecItemDelete(query(account) as CFDictionary)
        var item = query(account)
        item[kSecValueData] = data
        item[kSecAttrAccessible] = accessible
        let status = SecItemAdd(item as CFDictionary, nil)
        guard status == errSecSuccess else { throw failure("write \(account)", status) }
    }

    private func failure(_ what: String, _ status: OSStatus) -> Baken.BakenError {
        Baken.BakenError.Platform(reason: "Keychain could not \(what): \(SecCopyErrorMessageString(status, nil) as String? ?? String(status))")
    }
}
