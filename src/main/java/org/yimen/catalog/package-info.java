/**
 * Service catalog (办事指南 / 一本通): every service item the hall handles, with its legal basis, materials, review
 * stages, time limits, fees, channels and phones, in versions that are drafted, published and retired. Each review
 * stage says its kind (受理, 审查, 会审, 决定), which is how a case walks it; a version may set its own extension where a
 * law or regulation does (行政许可法 Art. 42), otherwise the statutory one applies.
 *
 * <p>Other modules read it through {@link org.yimen.catalog.Catalog}: the version in force now
 * ({@code publishedItem}) or any version ever published ({@code itemVersion}), because a case is judged by the version
 * in force when it was accepted. {@link org.yimen.catalog.ServiceItem} is the immutable guide they get. Everything else
 * here (storage, validation policy, administration, pages and API) is internal.
 */
@NullMarked
package org.yimen.catalog;

import org.jspecify.annotations.NullMarked;
