/**
 * Personal-data protection (个人信息保护): phone and identity-document numbers are sealed at rest (AES-256-GCM, or
 * SM4-GCM for 商用密码), found by a keyed hash, shown masked everywhere, and revealed in full only with a stated purpose
 * that the audit trail keeps.
 *
 * <p>The API is {@link org.yimen.privacy.PersonalData} ({@code seal}, {@code open}, {@code index}, {@code reveal}),
 * the stored pair {@link org.yimen.privacy.Sealed}, the reason for a reveal {@link org.yimen.privacy.Purpose}, and
 * {@link org.yimen.privacy.SealBroken} for a value that cannot be opened. Masking itself is the shared kernel's
 * ({@code org.yimen.shared.Masking}), and log lines are masked by the Logback converters in {@code logging}, wired in
 * {@code logback-spring.xml}.
 *
 * <p>Settings ({@code yimen.privacy.*}):
 * <ul>
 * <li>{@code cipher}: {@code AES-GCM} (default) or {@code SM4-GCM}; applies to values sealed from now on, older values
 * name their own cipher.</li>
 * <li>{@code key}: one key, 32 random bytes in base64 ({@code openssl rand -base64 32}), with the id
 * {@code default}.</li>
 * <li>{@code keys.<id>}: several keys by id (letters, digits, {@code _}, {@code -}; at most 32), for rotation.</li>
 * <li>{@code key-file}: a file of {@code id=base64} lines, oldest first: the last line seals new values, the first
 * derives the look-up index.</li>
 * <li>{@code current-key}, {@code index-key}: which key seals and which one the index comes from, needed when keys are
 * configured by property and there is more than one.</li>
 * </ul>
 * With no key configured, the key file {@code ${yimen.data-dir}/keys/privacy.key} is read, and created with one fresh
 * key (mode 600, atomically, so nodes racing on a shared directory end with the same key) on first use. Keys are never
 * stored in the database. Several nodes must share the same keys.
 *
 * <p>Rotation: add a key with a new id and make it current; values sealed before stay readable as long as their key
 * is kept. The index key must not change while values indexed with it exist (a re-index step would be needed), which
 * is why it is named separately from the current key.
 */
@NullMarked
package org.yimen.privacy;

import org.jspecify.annotations.NullMarked;
