/**
 * Application code for the allocation tests: outside the starter's packages.
 */
@NullMarked
package com.example.orders;

import org.jspecify.annotations.NullMarked;
